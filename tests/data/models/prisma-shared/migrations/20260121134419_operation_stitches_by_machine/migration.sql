-- CreateTable
CREATE TABLE "public"."machine_operation_stitch" (
    "machineId" TEXT NOT NULL,
    "operationId" TEXT NOT NULL,
    "stitches" INTEGER NOT NULL,
    "tenantId" TEXT,

    CONSTRAINT "machine_operation_stitch_pkey" PRIMARY KEY ("machineId","operationId")
);

-- AddForeignKey
ALTER TABLE "public"."machine_operation_stitch" ADD CONSTRAINT "machine_operation_stitch_machineId_fkey" FOREIGN KEY ("machineId") REFERENCES "public"."machine"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "public"."machine_operation_stitch" ADD CONSTRAINT "machine_operation_stitch_operationId_fkey" FOREIGN KEY ("operationId") REFERENCES "public"."operation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "public"."machine_operation_stitch" ADD CONSTRAINT "machine_operation_stitch_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "public"."tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;
