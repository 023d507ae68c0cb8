-- CreateIndex
CREATE INDEX "downtime_event_operatorId_end_time_elapsedTime_idx" ON "public"."downtime_event"("operatorId", "end_time", "elapsedTime");

-- CreateIndex
CREATE INDEX "downtime_event_tenantId_operatorId_end_time_idx" ON "public"."downtime_event"("tenantId", "operatorId", "end_time");

-- CreateIndex
CREATE INDEX "operation_register_operatorId_endTime_elapsedTime_idx" ON "public"."operation_register"("operatorId", "endTime", "elapsedTime");

-- CreateIndex
CREATE INDEX "operation_register_tenantId_operatorId_endTime_idx" ON "public"."operation_register"("tenantId", "operatorId", "endTime");

-- CreateIndex
CREATE INDEX "operator_tenantId_isDeleted_idx" ON "public"."operator"("tenantId", "isDeleted");
