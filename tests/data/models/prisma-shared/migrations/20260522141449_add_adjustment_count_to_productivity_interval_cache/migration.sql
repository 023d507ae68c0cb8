-- AlterTable
ALTER TABLE "productivity_interval_cache" ADD COLUMN     "adjustment_count" INTEGER;
