-- AlterTable
ALTER TABLE "machine_operation_stitch" ADD COLUMN     "calibratedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP;
