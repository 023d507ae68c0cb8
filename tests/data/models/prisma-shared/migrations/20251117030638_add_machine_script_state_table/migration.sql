-- CreateTable
CREATE TABLE "public"."MachineScriptState" (
    "id" TEXT NOT NULL,
    "machineId" TEXT NOT NULL,
    "state" JSONB,
    "lastUpdated" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastMessageTimestamp" TIMESTAMP(3),

    CONSTRAINT "MachineScriptState_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "MachineScriptState_machineId_key" ON "public"."MachineScriptState"("machineId");

-- CreateIndex
CREATE INDEX "MachineScriptState_machineId_idx" ON "public"."MachineScriptState"("machineId");

-- CreateIndex
CREATE INDEX "MachineScriptState_lastMessageTimestamp_idx" ON "public"."MachineScriptState"("lastMessageTimestamp");

-- AddForeignKey
ALTER TABLE "public"."MachineScriptState" ADD CONSTRAINT "MachineScriptState_machineId_fkey" FOREIGN KEY ("machineId") REFERENCES "public"."machine"("id") ON DELETE CASCADE ON UPDATE CASCADE;
