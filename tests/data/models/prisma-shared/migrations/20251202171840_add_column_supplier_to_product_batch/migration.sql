-- AlterTable
ALTER TABLE "public"."product_batch" ADD COLUMN     "supplier" TEXT;
