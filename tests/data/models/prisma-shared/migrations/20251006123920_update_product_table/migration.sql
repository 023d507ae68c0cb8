-- AlterTable
ALTER TABLE "public"."product" ADD COLUMN     "customerProductId" TEXT,
ADD COLUMN     "description" TEXT,
ADD COLUMN     "sku" TEXT,
ADD COLUMN     "stock" DOUBLE PRECISION,
ADD COLUMN     "units" TEXT;
