-- CreateTable
CREATE TABLE "operation_count_adjustment" (
    "id" TEXT NOT NULL,
    "tenantId" TEXT NOT NULL,
    "machineId" TEXT NOT NULL,
    "operatorId" TEXT NOT NULL,
    "operationId" TEXT,
    "operationGroupId" INTEGER,
    "productionOrderId" TEXT,
    "attributedAt" TIMESTAMP(6) NOT NULL,
    "appliedAt" TIMESTAMP(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "delta" INTEGER NOT NULL,
    "manualCount" INTEGER,
    "displayCount" INTEGER,
    "notes" TEXT,

    CONSTRAINT "operation_count_adjustment_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "operation_count_adjustment_tenantId_machineId_attributedAt_idx" ON "operation_count_adjustment"("tenantId", "machineId", "attributedAt");

-- CreateIndex
CREATE INDEX "operation_count_adjustment_tenantId_operatorId_attributedAt_idx" ON "operation_count_adjustment"("tenantId", "operatorId", "attributedAt");

-- CreateIndex
CREATE INDEX "operation_count_adjustment_productionOrderId_idx" ON "operation_count_adjustment"("productionOrderId");

-- CreateIndex
CREATE INDEX "operation_count_adjustment_operationId_idx" ON "operation_count_adjustment"("operationId");

-- CreateIndex
CREATE INDEX "operation_count_adjustment_machineId_attributedAt_idx" ON "operation_count_adjustment"("machineId", "attributedAt");

-- AddForeignKey
ALTER TABLE "operation_count_adjustment" ADD CONSTRAINT "operation_count_adjustment_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "operation_count_adjustment" ADD CONSTRAINT "operation_count_adjustment_machineId_fkey" FOREIGN KEY ("machineId") REFERENCES "machine"("id") ON DELETE NO ACTION ON UPDATE NO ACTION;

-- AddForeignKey
ALTER TABLE "operation_count_adjustment" ADD CONSTRAINT "operation_count_adjustment_operatorId_fkey" FOREIGN KEY ("operatorId") REFERENCES "operator"("id") ON DELETE NO ACTION ON UPDATE NO ACTION;

-- AddForeignKey
ALTER TABLE "operation_count_adjustment" ADD CONSTRAINT "operation_count_adjustment_operationId_fkey" FOREIGN KEY ("operationId") REFERENCES "operation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "operation_count_adjustment" ADD CONSTRAINT "operation_count_adjustment_operationGroupId_fkey" FOREIGN KEY ("operationGroupId") REFERENCES "operation_group"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "operation_count_adjustment" ADD CONSTRAINT "operation_count_adjustment_productionOrderId_fkey" FOREIGN KEY ("productionOrderId") REFERENCES "production_order"("id") ON DELETE SET NULL ON UPDATE CASCADE;
