-- AlterTable
ALTER TABLE "productivity_interval_cache" ADD COLUMN     "productionOrderId" TEXT;

-- AddForeignKey
ALTER TABLE "productivity_interval_cache" ADD CONSTRAINT "productivity_interval_cache_productionOrderId_fkey" FOREIGN KEY ("productionOrderId") REFERENCES "production_order"("id") ON DELETE CASCADE ON UPDATE CASCADE;
