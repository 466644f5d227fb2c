import ts from 'typescript'; import fs from 'node:fs'; import path from 'node:path';
const out=[];
function walk(d){for(const f of fs.readdirSync(d)){const p=path.join(d,f); if(fs.statSync(p).isDirectory()) walk(p); else if(p.endsWith('.ts')&&!p.endsWith('.d.ts')){const sf=ts.createSourceFile(p,fs.readFileSync(p,'utf8'),ts.ScriptTarget.Latest,true);
const visit=(n)=>{ if((ts.isFunctionDeclaration(n)||ts.isMethodDeclaration(n)||ts.isArrowFunction(n)||ts.isFunctionExpression(n))&&n.body){const s=sf.getLineAndCharacterOfPosition(n.getStart()).line,e=sf.getLineAndCharacterOfPosition(n.end).line; let name=n.name?.getText?.()??(ts.isVariableDeclaration(n.parent)?n.parent.name.getText():'<anon>'); out.push([e-s+1,p,name]);} ts.forEachChild(n,visit)}; visit(sf);}}}
walk('src'); const by={}; for(const [l,p,n] of out){const st=p.split('/')[1]; if(!by[st]||by[st][0]<l) by[st]=[l,p,n];}
for(const [k,v] of Object.entries(by).sort((a,b)=>b[1][0]-a[1][0])) console.log(k.padEnd(14),v[0],v[1],v[2]);
