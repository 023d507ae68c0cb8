-- CreateIndex
CREATE INDEX "downtime_event_machine_id_start_time_idx" ON "public"."downtime_event"("machine_id", "start_time");

-- CreateIndex
CREATE INDEX "downtime_event_downtimeReasonId_idx" ON "public"."downtime_event"("downtimeReasonId");

-- CreateIndex
CREATE INDEX "input_register_machineId_timestamp_idx" ON "public"."input_register"("machineId", "timestamp");

-- CreateIndex
CREATE INDEX "input_register_productionOrderId_idx" ON "public"."input_register"("productionOrderId");

-- CreateIndex
CREATE INDEX "input_register_tenantId_idx" ON "public"."input_register"("tenantId");

-- CreateIndex
CREATE INDEX "iot_message_register_machineId_timestamp_idx" ON "public"."iot_message_register"("machineId", "timestamp");

-- CreateIndex
CREATE INDEX "items_handling_register_productionOrderId_idx" ON "public"."items_handling_register"("productionOrderId");

-- CreateIndex
CREATE INDEX "items_handling_register_productId_idx" ON "public"."items_handling_register"("productId");

-- CreateIndex
CREATE INDEX "items_handling_register_operationId_idx" ON "public"."items_handling_register"("operationId");

-- CreateIndex
CREATE INDEX "items_handling_register_tenantId_idx" ON "public"."items_handling_register"("tenantId");

-- CreateIndex
CREATE INDEX "machine_sectorId_idx" ON "public"."machine"("sectorId");

-- CreateIndex
CREATE INDEX "machine_tenantId_idx" ON "public"."machine"("tenantId");

-- CreateIndex
CREATE INDEX "machine_isDeleted_idx" ON "public"."machine"("isDeleted");

-- CreateIndex
CREATE INDEX "machine_formula_result_machineId_timestamp_idx" ON "public"."machine_formula_result"("machineId", "timestamp");

-- CreateIndex
CREATE INDEX "machine_formula_result_formulaId_idx" ON "public"."machine_formula_result"("formulaId");

-- CreateIndex
CREATE INDEX "operation_register_machineId_startTime_idx" ON "public"."operation_register"("machineId", "startTime");

-- CreateIndex
CREATE INDEX "operation_register_productionOrderId_idx" ON "public"."operation_register"("productionOrderId");

-- CreateIndex
CREATE INDEX "operation_register_operationId_idx" ON "public"."operation_register"("operationId");

-- CreateIndex
CREATE INDEX "operation_register_productionNodeId_idx" ON "public"."operation_register"("productionNodeId");

-- CreateIndex
CREATE INDEX "product_tenantId_idx" ON "public"."product"("tenantId");

-- CreateIndex
CREATE INDEX "product_isDeleted_idx" ON "public"."product"("isDeleted");

-- CreateIndex
CREATE INDEX "production_order_tenantId_isFinished_idx" ON "public"."production_order"("tenantId", "isFinished");

-- CreateIndex
CREATE INDEX "production_order_productId_idx" ON "public"."production_order"("productId");

-- CreateIndex
CREATE INDEX "production_order_flowId_idx" ON "public"."production_order"("flowId");

-- CreateIndex
CREATE INDEX "productivity_interval_cache_operatorId_group_start_timestam_idx" ON "public"."productivity_interval_cache"("operatorId", "group_start_timestamp");

-- CreateIndex
CREATE INDEX "productivity_interval_cache_operationId_idx" ON "public"."productivity_interval_cache"("operationId");

-- CreateIndex
CREATE INDEX "sew_machine_raw_data_machine_id_start_timestamp_idx" ON "public"."sew_machine_raw_data"("machine_id", "start_timestamp");
