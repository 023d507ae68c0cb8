/*
  Warnings:

  - You are about to drop the `user_shift` table. If the table is not empty, all the data it contains will be lost.

*/
-- DropForeignKey
ALTER TABLE "user_shift" DROP CONSTRAINT "fk_shift";

-- DropForeignKey
ALTER TABLE "user_shift" DROP CONSTRAINT "user_shift_tenantId_fkey";

-- DropForeignKey
ALTER TABLE "user_shift" DROP CONSTRAINT "user_shift_user_id_fkey";

-- DropTable
DROP TABLE "user_shift";

-- CreateTable
CREATE TABLE "operator_shift" (
    "id" SERIAL NOT NULL,
    "operator_id" TEXT NOT NULL,
    "shift_id" TEXT,
    "tenantId" TEXT,

    CONSTRAINT "operator_shift_pkey" PRIMARY KEY ("id")
);

-- AddForeignKey
ALTER TABLE "operator_shift" ADD CONSTRAINT "fk_shift" FOREIGN KEY ("shift_id") REFERENCES "shift"("id") ON DELETE NO ACTION ON UPDATE NO ACTION;

-- AddForeignKey
ALTER TABLE "operator_shift" ADD CONSTRAINT "operator_shift_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "operator_shift" ADD CONSTRAINT "operator_shift_operator_id_fkey" FOREIGN KEY ("operator_id") REFERENCES "operator"("id") ON DELETE CASCADE ON UPDATE CASCADE;
