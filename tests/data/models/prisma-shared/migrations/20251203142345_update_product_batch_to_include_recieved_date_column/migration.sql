/*
  Warnings:

  - Added the required column `receivedDate` to the `product_batch` table without a default value. This is not possible if the table is not empty.

*/
-- AlterTable
ALTER TABLE "public"."product_batch" ADD COLUMN     "receivedDate" DATE NOT NULL;
