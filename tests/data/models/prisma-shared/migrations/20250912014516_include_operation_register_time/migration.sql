-- AlterTable
ALTER TABLE "public"."operation_register" ADD COLUMN     "timeSinceLastOperationRegister" BIGINT;
