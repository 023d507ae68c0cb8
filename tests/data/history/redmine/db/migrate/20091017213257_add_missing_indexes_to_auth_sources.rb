class AddMissingIndexesToAuthSources < ActiveRecord::Migration[4.2]
  def self.up
    add_index :auth_sources, [:id, :type]
  end

  def self.down
    remove_index :auth_sources, :column => [:id, :type]
  end
end
