-- AlterTable
ALTER TABLE "public"."product" ADD COLUMN     "contentUnit" TEXT,
ADD COLUMN     "packageUnit" TEXT,
ADD COLUMN     "unitsPerPackage" DOUBLE PRECISION;
