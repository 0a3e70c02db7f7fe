import { MemoryDocumentStorage, MemoryDocumentStore } from '../../server/persistence/MemoryDocumentStore.js';
import { registerDocumentStoreContractTests } from './documentStoreContract.js';

registerDocumentStoreContractTests('MemoryDocumentStore', async () => {
  const storage = new MemoryDocumentStorage();
  const stores = [new MemoryDocumentStore(storage)];
  return {
    get store() {
      return stores[0] as MemoryDocumentStore;
    },
    async reopen() {
      const store = new MemoryDocumentStore(storage);
      stores.push(store);
      return store;
    },
    countUpdateRecords: async (name) => storage.updates.get(name)?.length ?? 0,
    writeRawState: async (name, bytes) => {
      storage.states.set(name, bytes.slice());
    },
    readRawState: async (name) => storage.states.get(name) ?? null,
  };
});
