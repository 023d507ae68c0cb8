class AddMissingIndexesToCustomFieldsTrackers < ActiveRecord::Migration[4.2]
  def self.up
    add_index :custom_fields_trackers, [:custom_field_id, :tracker_id]
  end

  def self.down
    remove_index :custom_fields_trackers, :column => [:custom_field_id, :tracker_id]
  end
end
