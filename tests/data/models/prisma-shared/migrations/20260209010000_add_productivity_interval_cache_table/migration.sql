-- CreateTable
CREATE TABLE "productivity_interval_cache" (
    "id" TEXT NOT NULL,
    "tenantId" TEXT,
    "machineId" TEXT NOT NULL,
    "operatorId" TEXT NOT NULL,
    "operationId" TEXT,
    "sequence_id" INTEGER NOT NULL,
    "group_start_timestamp" TIMESTAMP(3) NOT NULL,
    "group_end_timestamp" TIMESTAMP(3) NOT NULL,
    "record_count" INTEGER NOT NULL,
    "total_quantity" INTEGER NOT NULL,
    "total_elapsed_time" DOUBLE PRECISION NOT NULL,
    "total_duration" DOUBLE PRECISION NOT NULL,
    "efficiency_percentage" DOUBLE PRECISION NOT NULL,
    "time_to_produce_snapshot" INTEGER,
    "downtime_seconds" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "productivity_interval_cache_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "productivity_interval_cache_tenantId_machineId_group_start_timestamp_idx" ON "productivity_interval_cache"("tenantId", "machineId", "group_start_timestamp");

-- CreateIndex
CREATE UNIQUE INDEX "productivity_interval_cache_machineId_group_start_timestamp_key" ON "productivity_interval_cache"("machineId", "group_start_timestamp");

-- AddForeignKey
ALTER TABLE "productivity_interval_cache" ADD CONSTRAINT "productivity_interval_cache_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "productivity_interval_cache" ADD CONSTRAINT "productivity_interval_cache_machineId_fkey" FOREIGN KEY ("machineId") REFERENCES "machine"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "productivity_interval_cache" ADD CONSTRAINT "productivity_interval_cache_operatorId_fkey" FOREIGN KEY ("operatorId") REFERENCES "operator"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "productivity_interval_cache" ADD CONSTRAINT "productivity_interval_cache_operationId_fkey" FOREIGN KEY ("operationId") REFERENCES "operation"("id") ON DELETE CASCADE ON UPDATE CASCADE;
