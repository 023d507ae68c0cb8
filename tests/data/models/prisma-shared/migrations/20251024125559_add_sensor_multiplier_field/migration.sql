-- AlterTable
ALTER TABLE "public"."machine_sensors" ADD COLUMN     "sensor1Multiplier" DOUBLE PRECISION,
ADD COLUMN     "sensor2Multiplier" DOUBLE PRECISION;
