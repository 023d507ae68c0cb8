-- AlterEnum
ALTER TYPE "public"."MachineType" ADD VALUE 'continuous';
