-- CreateTable
CREATE TABLE `payments` (
    `id` CHAR(26) NOT NULL,
    `order_id` BIGINT NOT NULL,
    `amount_cents` BIGINT NOT NULL,
    `status` ENUM('authorized', 'captured', 'failed', 'voided') NOT NULL,
    `created_at` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),

    INDEX `idx_payments_order`(`order_id`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
