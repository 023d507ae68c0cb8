-- CreateTable
CREATE TABLE "MachineOperationalState" (
    "id" TEXT NOT NULL,
    "machineId" TEXT NOT NULL,
    "countState" JSONB,
    "lastMachineTimestamp" TIMESTAMP(3),
    "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "MachineOperationalState_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "MachineOperationalState_machineId_key" ON "MachineOperationalState"("machineId");

-- CreateIndex
CREATE INDEX "MachineOperationalState_machineId_idx" ON "MachineOperationalState"("machineId");

-- CreateIndex
CREATE INDEX "MachineOperationalState_lastMachineTimestamp_idx" ON "MachineOperationalState"("lastMachineTimestamp");

-- AddForeignKey
ALTER TABLE "MachineOperationalState" ADD CONSTRAINT "MachineOperationalState_machineId_fkey" FOREIGN KEY ("machineId") REFERENCES "machine"("id") ON DELETE CASCADE ON UPDATE CASCADE;
