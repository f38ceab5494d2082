const net=require('net');
const b=new net.BlockList();
b.addAddress('1.2.3.4'); b.addRange('10.0.0.1','10.0.0.10'); b.addSubnet('8592:757c:efae:4e45::', 64, 'ipv6'); b.addSubnet('192.168.0.0',16);
b.addAddress(new net.SocketAddress({address:'::1', family:'ipv6'}));
console.log(b.rules);
console.log(b.check('1.2.3.4'), b.check('10.0.0.5'), b.check('10.0.0.11'), b.check('8592:757c:efae:4e45::f', 'ipv6'), b.check('8592:757c:efae:4e46::f', 'ipv6'), b.check('192.168.4.4'), b.check('::ffff:1.2.3.4','ipv6'), b.check('::1','ipv6'), b.check('::2','ipv6'));
console.log(b, JSON.stringify(b), net.BlockList.isBlockList(b), net.BlockList.isBlockList({}));
try{b.addAddress(1)}catch(e){console.log(e.code,e.message)}
try{b.addAddress('1.2.3.4','ipv5')}catch(e){console.log(e.code,e.message)}
try{b.addRange('10.0.0.10','10.0.0.1')}catch(e){console.log(e.code,e.message)}
try{b.addSubnet('1.2.3.4',33)}catch(e){console.log(e.code,e.message)}
try{b.addAddress('zz')}catch(e){console.log(e.code,e.message)}
console.log(b.check('zz'));
const s=new net.SocketAddress({address:'::1',family:'ipv6',port:80,flowlabel:5});
console.log(s, s.toJSON(), s.address, s.port, s.family, s.flowlabel, net.SocketAddress.isSocketAddress(s), net.SocketAddress.isSocketAddress({}));
console.log(new net.SocketAddress(), new net.SocketAddress({family:'ipv6'}));
console.log(net.SocketAddress.parse('1.2.3.4:80'), net.SocketAddress.parse('[::1]:8'), net.SocketAddress.parse('1.2.3.4:8080'), net.SocketAddress.parse('zz'));
try{new net.SocketAddress({family:'x'})}catch(e){console.log(e.code,e.message)}
try{new net.SocketAddress({port:-1})}catch(e){console.log(e.code,e.message)}
try{new net.SocketAddress(1)}catch(e){console.log(e.code,e.message)}
try{new net.SocketAddress({address:'zz'})}catch(e){console.log(e.code,e.message)}
const c=new net.BlockList(); c.fromJSON(['Address: IPv4 1.1.1.1', 'Subnet: IPv6 ::/0', 'Range: IPv4 1.0.0.0-1.0.0.9']); console.log(c.rules, c.check('2001:db8::1', 'ipv6'));
const d=new net.BlockList(); d.addSubnet('::ffff:0:0', 96, 'ipv6'); console.log(d.check('9.9.9.9'));
