/*
  Warnings:

  - A unique constraint covering the columns `[tenantId,name]` on the table `downtime_reason` will be added. If there are existing duplicate values, this will fail.
  - A unique constraint covering the columns `[tenantId,name]` on the table `machine` will be added. If there are existing duplicate values, this will fail.
  - A unique constraint covering the columns `[tenantId,name]` on the table `operator` will be added. If there are existing duplicate values, this will fail.
  - A unique constraint covering the columns `[tenantId,productId,batchNumber,internalBatchNumber]` on the table `product_batch` will be added. If there are existing duplicate values, this will fail.
  - A unique constraint covering the columns `[tenantId,productionOrderIndex]` on the table `production_order` will be added. If there are existing duplicate values, this will fail.
  - A unique constraint covering the columns `[tenantId,name]` on the table `resource` will be added. If there are existing duplicate values, this will fail.
  - A unique constraint covering the columns `[tenantId,name]` on the table `sector` will be added. If there are existing duplicate values, this will fail.
  - A unique constraint covering the columns `[tenantId,name]` on the table `shift` will be added. If there are existing duplicate values, this will fail.
  - A unique constraint covering the columns `[tenantId,email]` on the table `user` will be added. If there are existing duplicate values, this will fail.

*/
-- DropIndex
DROP INDEX "downtime_reason_name_key";

-- DropIndex
DROP INDEX "machine_name_key";

-- DropIndex
DROP INDEX "operator_name_key";

-- DropIndex
DROP INDEX "product_batch_productId_batchNumber_internalBatchNumber_key";

-- DropIndex
DROP INDEX "production_order_productionOrderIndex_key";

-- DropIndex
DROP INDEX "resource_name_key";

-- DropIndex
DROP INDEX "sector_name_key";

-- DropIndex
DROP INDEX "shift_name_key";

-- DropIndex
DROP INDEX "user_email_key";

-- CreateIndex
CREATE UNIQUE INDEX "downtime_reason_tenantId_name_key" ON "downtime_reason"("tenantId", "name");

-- CreateIndex
CREATE UNIQUE INDEX "machine_tenantId_name_key" ON "machine"("tenantId", "name");

-- CreateIndex
CREATE UNIQUE INDEX "operator_tenantId_name_key" ON "operator"("tenantId", "name");

-- CreateIndex
CREATE UNIQUE INDEX "product_batch_tenantId_productId_batchNumber_internalBatchN_key" ON "product_batch"("tenantId", "productId", "batchNumber", "internalBatchNumber");

-- CreateIndex
CREATE UNIQUE INDEX "production_order_tenantId_productionOrderIndex_key" ON "production_order"("tenantId", "productionOrderIndex");

-- CreateIndex
CREATE UNIQUE INDEX "resource_tenantId_name_key" ON "resource"("tenantId", "name");

-- CreateIndex
CREATE UNIQUE INDEX "sector_tenantId_name_key" ON "sector"("tenantId", "name");

-- CreateIndex
CREATE UNIQUE INDEX "shift_tenantId_name_key" ON "shift"("tenantId", "name");

-- CreateIndex
CREATE UNIQUE INDEX "user_tenantId_email_key" ON "user"("tenantId", "email");
