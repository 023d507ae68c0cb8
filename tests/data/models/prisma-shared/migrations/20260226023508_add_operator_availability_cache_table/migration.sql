-- CreateTable
CREATE TABLE "operator_availability_cache" (
    "id" TEXT NOT NULL,
    "date" DATE NOT NULL,
    "operatorId" TEXT NOT NULL,
    "shiftId" TEXT,
    "tenantId" TEXT,
    "expectedGrossMinutes" INTEGER NOT NULL DEFAULT 0,
    "expectedBreakMinutes" INTEGER NOT NULL DEFAULT 0,
    "expectedNetMinutes" INTEGER NOT NULL DEFAULT 0,
    "actualWorkedMinutes" INTEGER NOT NULL DEFAULT 0,
    "plannedDowntimeMinutes" INTEGER NOT NULL DEFAULT 0,
    "unplannedDowntimeMinutes" INTEGER NOT NULL DEFAULT 0,
    "unjustifiedDowntimeMinutes" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "operator_availability_cache_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "operator_availability_cache_tenantId_date_idx" ON "operator_availability_cache"("tenantId", "date");

-- CreateIndex
CREATE INDEX "operator_availability_cache_shiftId_date_idx" ON "operator_availability_cache"("shiftId", "date");

-- CreateIndex
CREATE UNIQUE INDEX "operator_availability_cache_operatorId_date_key" ON "operator_availability_cache"("operatorId", "date");

-- AddForeignKey
ALTER TABLE "operator_availability_cache" ADD CONSTRAINT "operator_availability_cache_operatorId_fkey" FOREIGN KEY ("operatorId") REFERENCES "operator"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "operator_availability_cache" ADD CONSTRAINT "operator_availability_cache_shiftId_fkey" FOREIGN KEY ("shiftId") REFERENCES "shift"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "operator_availability_cache" ADD CONSTRAINT "operator_availability_cache_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;
