-- CreateTable
CREATE TABLE "public"."machine_sensors" (
    "id" TEXT NOT NULL,
    "machineId" TEXT NOT NULL,
    "sensor1Name" TEXT,
    "sensor2Name" TEXT,
    "sensor1Show" BOOLEAN NOT NULL DEFAULT true,
    "sensor2Show" BOOLEAN NOT NULL DEFAULT true,
    "tenantId" TEXT,

    CONSTRAINT "machine_sensors_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "machine_sensors_machineId_key" ON "public"."machine_sensors"("machineId");

-- AddForeignKey
ALTER TABLE "public"."machine_sensors" ADD CONSTRAINT "machine_sensors_machineId_fkey" FOREIGN KEY ("machineId") REFERENCES "public"."machine"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "public"."machine_sensors" ADD CONSTRAINT "machine_sensors_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "public"."tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;
