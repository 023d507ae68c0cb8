-- AlterTable
ALTER TABLE "operation_register" ADD COLUMN     "quantity" INTEGER NOT NULL DEFAULT 1;
