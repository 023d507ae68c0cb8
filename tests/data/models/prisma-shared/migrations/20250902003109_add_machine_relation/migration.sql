/*
  Warnings:

  - Made the column `machineId` on table `iot_message_register` required. This step will fail if there are existing NULL values in that column.

*/
-- AlterTable
ALTER TABLE "iot_message_register" ALTER COLUMN "machineId" SET NOT NULL;

-- AddForeignKey
ALTER TABLE "iot_message_register" ADD CONSTRAINT "iot_message_register_machineId_fkey" FOREIGN KEY ("machineId") REFERENCES "machine"("id") ON DELETE CASCADE ON UPDATE CASCADE;
