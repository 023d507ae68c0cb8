/*
  Warnings:

  - The primary key for the `product_batch` table will be changed. If it partially fails, the table could be left without primary key constraint.
  - You are about to drop the column `quantity` on the `product_batch` table. All the data in the column will be lost.
  - The `id` column on the `product_batch` table would be dropped and recreated. This will lead to data loss if there is data in the column.
  - Added the required column `currentQuantity` to the `product_batch` table without a default value. This is not possible if the table is not empty.
  - Added the required column `initialQuantity` to the `product_batch` table without a default value. This is not possible if the table is not empty.

*/
-- AlterTable
ALTER TABLE "public"."product_batch" DROP CONSTRAINT "product_batch_pkey",
DROP COLUMN "quantity",
ADD COLUMN     "currentQuantity" DOUBLE PRECISION NOT NULL,
ADD COLUMN     "initialQuantity" DOUBLE PRECISION NOT NULL,
ADD COLUMN     "internalBatchNumber" TEXT,
DROP COLUMN "id",
ADD COLUMN     "id" SERIAL NOT NULL,
ADD CONSTRAINT "product_batch_pkey" PRIMARY KEY ("id");
