-- CreateIndex
CREATE INDEX IF NOT EXISTS "idx_machine_sensors_machine_id" ON "machine_sensors"("machineId");

-- CreateIndex
CREATE INDEX IF NOT EXISTS "idx_node_flow_id" ON "node"("flowId");

-- CreateIndex
CREATE INDEX IF NOT EXISTS "idx_operation_node_id" ON "operation"("nodeId");

