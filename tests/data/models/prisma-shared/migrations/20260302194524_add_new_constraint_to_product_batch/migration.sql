/*
  Warnings:

  - A unique constraint covering the columns `[productId,batchNumber,internalBatchNumber]` on the table `product_batch` will be added. If there are existing duplicate values, this will fail.

*/
-- DropIndex
DROP INDEX "product_batch_productId_batchNumber_key";

-- CreateIndex
CREATE UNIQUE INDEX "product_batch_productId_batchNumber_internalBatchNumber_key" ON "product_batch"("productId", "batchNumber", "internalBatchNumber");
