/*
  Warnings:

  - You are about to drop the column `clientId` on the `device` table. All the data in the column will be lost.
  - You are about to drop the column `name` on the `device` table. All the data in the column will be lost.
  - You are about to drop the column `stationName` on the `device` table. All the data in the column will be lost.
  - You are about to drop the `device_state` table. If the table is not empty, all the data it contains will be lost.
  - Made the column `machineId` on table `device` required. This step will fail if there are existing NULL values in that column.
  - Made the column `tenantId` on table `device` required. This step will fail if there are existing NULL values in that column.
  - Made the column `tenantId` on table `device_operator` required. This step will fail if there are existing NULL values in that column.

*/
-- DropForeignKey
ALTER TABLE "public"."device" DROP CONSTRAINT "device_machineId_fkey";

-- DropForeignKey
ALTER TABLE "public"."device_state" DROP CONSTRAINT "device_state_deviceId_fkey";

-- DropForeignKey
ALTER TABLE "public"."device_state" DROP CONSTRAINT "device_state_tenantId_fkey";

-- DropIndex
DROP INDEX "public"."device_clientId_key";

-- AlterTable
ALTER TABLE "public"."device" DROP COLUMN "clientId",
DROP COLUMN "name",
DROP COLUMN "stationName",
ADD COLUMN     "actualProd" TEXT,
ADD COLUMN     "amountProd" TEXT,
ADD COLUMN     "isOnline" BOOLEAN NOT NULL DEFAULT true,
ADD COLUMN     "lastCommand" TEXT,
ADD COLUMN     "lastSeen" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
ADD COLUMN     "plannedProd" TEXT,
ADD COLUMN     "rejectedProd" TEXT,
ADD COLUMN     "runningOpAmount" TEXT,
ADD COLUMN     "runningOpEndDate" TEXT,
ADD COLUMN     "runningOpNumber" TEXT,
ADD COLUMN     "runningOpProduct" TEXT,
ADD COLUMN     "runningOpStartDate" TEXT,
ALTER COLUMN "machineId" SET NOT NULL,
ALTER COLUMN "tenantId" SET NOT NULL;

-- AlterTable
ALTER TABLE "public"."device_operator" ALTER COLUMN "tenantId" SET NOT NULL;

-- DropTable
DROP TABLE "public"."device_state";

-- AddForeignKey
ALTER TABLE "public"."device" ADD CONSTRAINT "device_machineId_fkey" FOREIGN KEY ("machineId") REFERENCES "public"."machine"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
