-- CreateEnum
CREATE TYPE "public"."MachineType" AS ENUM ('sew', 'discrete');

-- AlterTable
ALTER TABLE "public"."machine" ADD COLUMN     "type" "public"."MachineType" DEFAULT 'discrete';

-- AlterTable
ALTER TABLE "public"."node_operation_queue" ADD COLUMN     "deviceId" TEXT;

-- CreateTable
CREATE TABLE "public"."device" (
    "id" TEXT NOT NULL,
    "clientId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "stationName" TEXT,
    "isActive" BOOLEAN NOT NULL DEFAULT true,
    "prodReportIntervalSec" INTEGER NOT NULL DEFAULT 20,
    "machineId" TEXT,
    "tenantId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "device_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "public"."device_operator" (
    "id" TEXT NOT NULL,
    "deviceId" TEXT NOT NULL,
    "operatorId" TEXT NOT NULL,
    "pin" TEXT,
    "isActive" BOOLEAN NOT NULL DEFAULT true,
    "tenantId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "device_operator_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "public"."device_state" (
    "id" TEXT NOT NULL,
    "deviceId" TEXT NOT NULL,
    "plannedProd" TEXT,
    "actualProd" TEXT,
    "amountProd" TEXT,
    "rejectedProd" TEXT,
    "runningOpNumber" TEXT,
    "runningOpProduct" TEXT,
    "runningOpAmount" TEXT,
    "runningOpStartDate" TEXT,
    "runningOpEndDate" TEXT,
    "lastCommand" TEXT,
    "isOnline" BOOLEAN NOT NULL DEFAULT true,
    "lastSeen" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "tenantId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "device_state_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "device_clientId_key" ON "public"."device"("clientId");

-- CreateIndex
CREATE UNIQUE INDEX "device_machineId_key" ON "public"."device"("machineId");

-- CreateIndex
CREATE UNIQUE INDEX "device_operator_deviceId_operatorId_key" ON "public"."device_operator"("deviceId", "operatorId");

-- CreateIndex
CREATE UNIQUE INDEX "device_state_deviceId_key" ON "public"."device_state"("deviceId");

-- AddForeignKey
ALTER TABLE "public"."node_operation_queue" ADD CONSTRAINT "node_operation_queue_deviceId_fkey" FOREIGN KEY ("deviceId") REFERENCES "public"."device"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "public"."device" ADD CONSTRAINT "device_machineId_fkey" FOREIGN KEY ("machineId") REFERENCES "public"."machine"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "public"."device" ADD CONSTRAINT "device_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "public"."tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "public"."device_operator" ADD CONSTRAINT "device_operator_deviceId_fkey" FOREIGN KEY ("deviceId") REFERENCES "public"."device"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "public"."device_operator" ADD CONSTRAINT "device_operator_operatorId_fkey" FOREIGN KEY ("operatorId") REFERENCES "public"."operator"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "public"."device_operator" ADD CONSTRAINT "device_operator_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "public"."tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "public"."device_state" ADD CONSTRAINT "device_state_deviceId_fkey" FOREIGN KEY ("deviceId") REFERENCES "public"."device"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "public"."device_state" ADD CONSTRAINT "device_state_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "public"."tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;
