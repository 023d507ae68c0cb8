-- AlterTable
ALTER TABLE "productivity_interval_cache" ADD COLUMN     "time_to_produce_history" TEXT;
