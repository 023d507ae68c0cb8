-- AlterTable
ALTER TABLE "production_order" ADD COLUMN     "sectorAggregatedValue" DOUBLE PRECISION;
