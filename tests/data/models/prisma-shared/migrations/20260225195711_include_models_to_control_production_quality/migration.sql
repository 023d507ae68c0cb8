-- CreateEnum
CREATE TYPE "QualityIssueCategory" AS ENUM ('HUMAN_ERROR', 'RAW_MATERIAL', 'MACHINE_FAILURE', 'PROCESS_DEVIATION', 'OTHER');

-- CreateTable
CREATE TABLE "quality_register" (
    "id" TEXT NOT NULL,
    "timestamp" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "operationId" TEXT NOT NULL,
    "productionOrderId" TEXT,
    "operatorId" TEXT,
    "sectorId" TEXT,
    "qualityIssueId" TEXT,
    "amount" INTEGER NOT NULL DEFAULT 1,
    "comments" TEXT,
    "tenantId" TEXT,

    CONSTRAINT "quality_register_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "quality_issue" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT,
    "category" "QualityIssueCategory" NOT NULL DEFAULT 'OTHER',
    "isDeleted" BOOLEAN NOT NULL DEFAULT false,
    "tenantId" TEXT,

    CONSTRAINT "quality_issue_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "quality_register_tenantId_idx" ON "quality_register"("tenantId");

-- CreateIndex
CREATE INDEX "quality_register_operationId_idx" ON "quality_register"("operationId");

-- CreateIndex
CREATE INDEX "quality_register_productionOrderId_idx" ON "quality_register"("productionOrderId");

-- CreateIndex
CREATE INDEX "quality_register_operatorId_idx" ON "quality_register"("operatorId");

-- CreateIndex
CREATE INDEX "quality_register_timestamp_idx" ON "quality_register"("timestamp");

-- CreateIndex
CREATE INDEX "quality_issue_tenantId_idx" ON "quality_issue"("tenantId");

-- AddForeignKey
ALTER TABLE "quality_register" ADD CONSTRAINT "quality_register_operationId_fkey" FOREIGN KEY ("operationId") REFERENCES "operation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "quality_register" ADD CONSTRAINT "quality_register_productionOrderId_fkey" FOREIGN KEY ("productionOrderId") REFERENCES "production_order"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "quality_register" ADD CONSTRAINT "quality_register_operatorId_fkey" FOREIGN KEY ("operatorId") REFERENCES "operator"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "quality_register" ADD CONSTRAINT "quality_register_sectorId_fkey" FOREIGN KEY ("sectorId") REFERENCES "sector"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "quality_register" ADD CONSTRAINT "quality_register_qualityIssueId_fkey" FOREIGN KEY ("qualityIssueId") REFERENCES "quality_issue"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "quality_register" ADD CONSTRAINT "quality_register_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "quality_issue" ADD CONSTRAINT "quality_issue_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;
