-- CreateTable
CREATE TABLE "iot_message_register" (
    "id" SERIAL NOT NULL,
    "timestamp" TIMESTAMP(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "di1" INTEGER NOT NULL,
    "di2" INTEGER NOT NULL,
    "di3" INTEGER NOT NULL,
    "di4" INTEGER NOT NULL,
    "di1_state" BOOLEAN NOT NULL,
    "di2_state" BOOLEAN NOT NULL,
    "di3_state" BOOLEAN NOT NULL,
    "di4_state" BOOLEAN NOT NULL,
    "machineId" TEXT,
    "tenantId" TEXT,

    CONSTRAINT "iot_message_register_pkey" PRIMARY KEY ("id")
);

-- AddForeignKey
ALTER TABLE "iot_message_register" ADD CONSTRAINT "iot_message_register_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;
