throw new Error('module failed');
