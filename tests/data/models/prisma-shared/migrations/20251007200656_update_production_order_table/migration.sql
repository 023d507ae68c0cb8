-- AlterTable
ALTER TABLE "public"."production_order" ADD COLUMN     "endDate" DATE,
ADD COLUMN     "expectedEndDate" DATE,
ADD COLUMN     "startDate" DATE;
