/*
  Warnings:

  - You are about to drop the column `timeSinceLastOperationRegister` on the `operation_register` table. All the data in the column will be lost.

*/
-- AlterTable
ALTER TABLE "public"."operation_register" DROP COLUMN "timeSinceLastOperationRegister",
ADD COLUMN     "timeSinceLastOperation" BIGINT;
