/*
  Warnings:

  - You are about to drop the `machine_formula` table. If the table is not empty, all the data it contains will be lost.
  - You are about to drop the `machine_formula_result` table. If the table is not empty, all the data it contains will be lost.
  - Made the column `tenantId` on table `Role` required. This step will fail if there are existing NULL values in that column.
  - Made the column `tenantId` on table `break` required. This step will fail if there are existing NULL values in that column.
  - Made the column `tenantId` on table `downtime_event` required. This step will fail if there are existing NULL values in that column.
  - Made the column `tenantId` on table `downtime_reason` required. This step will fail if there are existing NULL values in that column.
  - Made the column `tenantId` on table `edge` required. This step will fail if there are existing NULL values in that column.
  - Made the column `tenantId` on table `flow` required. This step will fail if there are existing NULL values in that column.
  - Made the column `tenantId` on table `follower` required. This step will fail if there are existing NULL values in that column.
  - Made the column `tenantId` on table `input_register` required. This step will fail if there are existing NULL values in that column.
  - Made the column `tenantId` on table `iot_message_register` required. This step will fail if there are existing NULL values in that column.
  - Made the column `tenantId` on table `items_handling_register` required. This step will fail if there are existing NULL values in that column.
  - Made the column `tenantId` on table `machine` required. This step will fail if there are existing NULL values in that column.
  - Made the column `tenantId` on table `machine_operation_stitch` required. This step will fail if there are existing NULL values in that column.
  - Made the column `tenantId` on table `machine_sensors` required. This step will fail if there are existing NULL values in that column.
  - Made the column `tenantId` on table `node` required. This step will fail if there are existing NULL values in that column.
  - Made the column `tenantId` on table `node_operation_queue` required. This step will fail if there are existing NULL values in that column.
  - Made the column `tenantId` on table `notification` required. This step will fail if there are existing NULL values in that column.
  - Made the column `tenantId` on table `notification_to_user` required. This step will fail if there are existing NULL values in that column.
  - Made the column `tenantId` on table `operation` required. This step will fail if there are existing NULL values in that column.
  - Made the column `tenantId` on table `operation_group` required. This step will fail if there are existing NULL values in that column.
  - Made the column `tenantId` on table `operation_register` required. This step will fail if there are existing NULL values in that column.
  - Made the column `tenantId` on table `operation_to_operation` required. This step will fail if there are existing NULL values in that column.
  - Made the column `tenantId` on table `operator` required. This step will fail if there are existing NULL values in that column.
  - Made the column `tenantId` on table `operator_availability_cache` required. This step will fail if there are existing NULL values in that column.
  - Made the column `tenantId` on table `operator_role` required. This step will fail if there are existing NULL values in that column.
  - Made the column `tenantId` on table `panel` required. This step will fail if there are existing NULL values in that column.
  - Made the column `tenantId` on table `product` required. This step will fail if there are existing NULL values in that column.
  - Made the column `tenantId` on table `product_batch` required. This step will fail if there are existing NULL values in that column.
  - Made the column `tenantId` on table `product_components` required. This step will fail if there are existing NULL values in that column.
  - Made the column `tenantId` on table `product_to_operation` required. This step will fail if there are existing NULL values in that column.
  - Made the column `tenantId` on table `production_node` required. This step will fail if there are existing NULL values in that column.
  - Made the column `tenantId` on table `production_order` required. This step will fail if there are existing NULL values in that column.
  - Made the column `tenantId` on table `productivity_interval_cache` required. This step will fail if there are existing NULL values in that column.
  - Made the column `tenantId` on table `quality_issue` required. This step will fail if there are existing NULL values in that column.
  - Made the column `tenantId` on table `quality_register` required. This step will fail if there are existing NULL values in that column.
  - Made the column `tenantId` on table `report` required. This step will fail if there are existing NULL values in that column.
  - Made the column `tenantId` on table `resource` required. This step will fail if there are existing NULL values in that column.
  - Made the column `tenantId` on table `sector` required. This step will fail if there are existing NULL values in that column.
  - Made the column `tenantId` on table `sew_machine_raw_data` required. This step will fail if there are existing NULL values in that column.
  - Made the column `tenantId` on table `shift` required. This step will fail if there are existing NULL values in that column.
  - Made the column `tenantId` on table `shift_day` required. This step will fail if there are existing NULL values in that column.
  - Made the column `tenantId` on table `system_preferences` required. This step will fail if there are existing NULL values in that column.
  - Made the column `tenantId` on table `user` required. This step will fail if there are existing NULL values in that column.

*/
-- DropForeignKey
ALTER TABLE "Role" DROP CONSTRAINT "Role_tenantId_fkey";

-- DropForeignKey
ALTER TABLE "machine_formula" DROP CONSTRAINT "machine_formula_machineId_fkey";

-- DropForeignKey
ALTER TABLE "machine_formula" DROP CONSTRAINT "machine_formula_tenantId_fkey";

-- DropForeignKey
ALTER TABLE "machine_formula_result" DROP CONSTRAINT "machine_formula_result_formulaId_fkey";

-- DropForeignKey
ALTER TABLE "machine_formula_result" DROP CONSTRAINT "machine_formula_result_machineId_fkey";

-- DropForeignKey
ALTER TABLE "machine_formula_result" DROP CONSTRAINT "machine_formula_result_tenantId_fkey";

-- AlterTable
ALTER TABLE "Role" ALTER COLUMN "tenantId" SET NOT NULL;

-- AlterTable
ALTER TABLE "break" ALTER COLUMN "tenantId" SET NOT NULL;

-- AlterTable
ALTER TABLE "downtime_event" ALTER COLUMN "tenantId" SET NOT NULL;

-- AlterTable
ALTER TABLE "downtime_reason" ALTER COLUMN "tenantId" SET NOT NULL;

-- AlterTable
ALTER TABLE "edge" ALTER COLUMN "tenantId" SET NOT NULL;

-- AlterTable
ALTER TABLE "flow" ALTER COLUMN "tenantId" SET NOT NULL;

-- AlterTable
ALTER TABLE "follower" ALTER COLUMN "tenantId" SET NOT NULL;

-- AlterTable
ALTER TABLE "input_register" ALTER COLUMN "tenantId" SET NOT NULL;

-- AlterTable
ALTER TABLE "iot_message_register" ALTER COLUMN "tenantId" SET NOT NULL;

-- AlterTable
ALTER TABLE "items_handling_register" ALTER COLUMN "tenantId" SET NOT NULL;

-- AlterTable
ALTER TABLE "machine" ALTER COLUMN "tenantId" SET NOT NULL;

-- AlterTable
ALTER TABLE "machine_operation_stitch" ALTER COLUMN "tenantId" SET NOT NULL;

-- AlterTable
ALTER TABLE "machine_sensors" ALTER COLUMN "tenantId" SET NOT NULL;

-- AlterTable
ALTER TABLE "node" ALTER COLUMN "tenantId" SET NOT NULL;

-- AlterTable
ALTER TABLE "node_operation_queue" ALTER COLUMN "tenantId" SET NOT NULL;

-- AlterTable
ALTER TABLE "notification" ALTER COLUMN "tenantId" SET NOT NULL;

-- AlterTable
ALTER TABLE "notification_to_user" ALTER COLUMN "tenantId" SET NOT NULL;

-- AlterTable
ALTER TABLE "operation" ALTER COLUMN "tenantId" SET NOT NULL;

-- AlterTable
ALTER TABLE "operation_group" ALTER COLUMN "tenantId" SET NOT NULL;

-- AlterTable
ALTER TABLE "operation_register" ALTER COLUMN "tenantId" SET NOT NULL;

-- AlterTable
ALTER TABLE "operation_to_operation" ALTER COLUMN "tenantId" SET NOT NULL;

-- AlterTable
ALTER TABLE "operator" ALTER COLUMN "tenantId" SET NOT NULL;

-- AlterTable
ALTER TABLE "operator_availability_cache" ALTER COLUMN "tenantId" SET NOT NULL;

-- AlterTable
ALTER TABLE "operator_role" ALTER COLUMN "tenantId" SET NOT NULL;

-- AlterTable
ALTER TABLE "panel" ALTER COLUMN "tenantId" SET NOT NULL;

-- AlterTable
ALTER TABLE "product" ALTER COLUMN "tenantId" SET NOT NULL;

-- AlterTable
ALTER TABLE "product_batch" ALTER COLUMN "tenantId" SET NOT NULL;

-- AlterTable
ALTER TABLE "product_components" ALTER COLUMN "tenantId" SET NOT NULL;

-- AlterTable
ALTER TABLE "product_to_operation" ALTER COLUMN "tenantId" SET NOT NULL;

-- AlterTable
ALTER TABLE "production_node" ALTER COLUMN "tenantId" SET NOT NULL;

-- AlterTable
ALTER TABLE "production_order" ALTER COLUMN "tenantId" SET NOT NULL;

-- AlterTable
ALTER TABLE "productivity_interval_cache" ALTER COLUMN "tenantId" SET NOT NULL;

-- AlterTable
ALTER TABLE "quality_issue" ALTER COLUMN "tenantId" SET NOT NULL;

-- AlterTable
ALTER TABLE "quality_register" ALTER COLUMN "tenantId" SET NOT NULL;

-- AlterTable
ALTER TABLE "report" ALTER COLUMN "tenantId" SET NOT NULL;

-- AlterTable
ALTER TABLE "resource" ALTER COLUMN "tenantId" SET NOT NULL;

-- AlterTable
ALTER TABLE "sector" ALTER COLUMN "tenantId" SET NOT NULL;

-- AlterTable
ALTER TABLE "sew_machine_raw_data" ALTER COLUMN "tenantId" SET NOT NULL;

-- AlterTable
ALTER TABLE "shift" ALTER COLUMN "tenantId" SET NOT NULL;

-- AlterTable
ALTER TABLE "shift_day" ALTER COLUMN "tenantId" SET NOT NULL;

-- AlterTable
ALTER TABLE "system_preferences" ALTER COLUMN "tenantId" SET NOT NULL;

-- AlterTable
ALTER TABLE "user" ALTER COLUMN "tenantId" SET NOT NULL;

-- DropTable
DROP TABLE "machine_formula";

-- DropTable
DROP TABLE "machine_formula_result";

-- AddForeignKey
ALTER TABLE "Role" ADD CONSTRAINT "Role_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "tenant"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
