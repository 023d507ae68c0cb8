-- AlterTable
ALTER TABLE `payments` ADD COLUMN `payment_method_id` CHAR(26) NULL;

-- CreateTable
CREATE TABLE `payment_methods` (
    `id` CHAR(26) NOT NULL,
    `user_id` CHAR(36) NOT NULL,
    `provider` ENUM('stripe', 'adyen', 'paypal') NOT NULL,
    `provider_token` VARCHAR(255) NOT NULL,
    `last4` CHAR(4) NULL,

    INDEX `idx_methods_user`(`user_id`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- AddForeignKey
ALTER TABLE `payments` ADD CONSTRAINT `payments_payment_method_id_fkey` FOREIGN KEY (`payment_method_id`) REFERENCES `payment_methods`(`id`) ON DELETE SET NULL ON UPDATE CASCADE;
