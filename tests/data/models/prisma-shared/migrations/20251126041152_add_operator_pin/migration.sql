-- AlterTable
ALTER TABLE "public"."operator" ADD COLUMN     "pin" TEXT;
