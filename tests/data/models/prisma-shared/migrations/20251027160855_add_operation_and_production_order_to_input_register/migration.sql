-- AlterTable
ALTER TABLE "public"."input_register" ADD COLUMN     "operationId" TEXT,
ADD COLUMN     "productionOrderId" TEXT;

-- AddForeignKey
ALTER TABLE "public"."input_register" ADD CONSTRAINT "input_register_operationId_fkey" FOREIGN KEY ("operationId") REFERENCES "public"."operation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "public"."input_register" ADD CONSTRAINT "input_register_productionOrderId_fkey" FOREIGN KEY ("productionOrderId") REFERENCES "public"."production_order"("id") ON DELETE CASCADE ON UPDATE CASCADE;
