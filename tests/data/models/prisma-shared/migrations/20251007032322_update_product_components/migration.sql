-- AlterTable
ALTER TABLE "public"."product_components" ALTER COLUMN "quantity" SET DATA TYPE DOUBLE PRECISION;
