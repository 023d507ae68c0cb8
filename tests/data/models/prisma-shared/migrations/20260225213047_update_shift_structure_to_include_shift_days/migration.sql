/*
  Warnings:

  - You are about to drop the column `shiftId` on the `break` table. All the data in the column will be lost.
  - You are about to drop the column `end_time` on the `shift` table. All the data in the column will be lost.
  - You are about to drop the column `start_time` on the `shift` table. All the data in the column will be lost.
  - You are about to drop the `_OperatorToShift` table. If the table is not empty, all the data it contains will be lost.
  - You are about to drop the `operator_shift` table. If the table is not empty, all the data it contains will be lost.

*/
-- DropForeignKey
ALTER TABLE "_OperatorToShift" DROP CONSTRAINT "_OperatorToShift_A_fkey";

-- DropForeignKey
ALTER TABLE "_OperatorToShift" DROP CONSTRAINT "_OperatorToShift_B_fkey";

-- DropForeignKey
ALTER TABLE "break" DROP CONSTRAINT "break_shiftId_fkey";

-- DropForeignKey
ALTER TABLE "operator_shift" DROP CONSTRAINT "fk_shift";

-- DropForeignKey
ALTER TABLE "operator_shift" DROP CONSTRAINT "operator_shift_operator_id_fkey";

-- DropForeignKey
ALTER TABLE "operator_shift" DROP CONSTRAINT "operator_shift_tenantId_fkey";

-- AlterTable
ALTER TABLE "break" DROP COLUMN "shiftId",
ADD COLUMN     "shiftDayId" TEXT;

-- AlterTable
ALTER TABLE "operator" ADD COLUMN     "shiftId" TEXT;

-- AlterTable
ALTER TABLE "shift" DROP COLUMN "end_time",
DROP COLUMN "start_time";

-- DropTable
DROP TABLE "_OperatorToShift";

-- DropTable
DROP TABLE "operator_shift";

-- CreateTable
CREATE TABLE "shift_day" (
    "id" TEXT NOT NULL,
    "dayOfWeek" INTEGER NOT NULL,
    "isWorkingDay" BOOLEAN NOT NULL DEFAULT true,
    "start_time" TIME(6),
    "end_time" TIME(6),
    "shiftId" TEXT NOT NULL,
    "tenantId" TEXT,

    CONSTRAINT "shift_day_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "shift_day_shiftId_dayOfWeek_key" ON "shift_day"("shiftId", "dayOfWeek");

-- AddForeignKey
ALTER TABLE "break" ADD CONSTRAINT "break_shiftDayId_fkey" FOREIGN KEY ("shiftDayId") REFERENCES "shift_day"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "operator" ADD CONSTRAINT "operator_shiftId_fkey" FOREIGN KEY ("shiftId") REFERENCES "shift"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "shift_day" ADD CONSTRAINT "shift_day_shiftId_fkey" FOREIGN KEY ("shiftId") REFERENCES "shift"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "shift_day" ADD CONSTRAINT "shift_day_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;
