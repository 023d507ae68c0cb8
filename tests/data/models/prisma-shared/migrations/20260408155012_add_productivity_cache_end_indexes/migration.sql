-- CreateIndex
CREATE INDEX "pic_operator_end_idx" ON "productivity_interval_cache"("operatorId", "group_end_timestamp");

-- CreateIndex
CREATE INDEX "pic_tenant_operator_end_idx" ON "productivity_interval_cache"("tenantId", "operatorId", "group_end_timestamp");
