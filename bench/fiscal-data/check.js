// Reads a year's Fiscal Data Package the way OpenSpending's family of tools does, with Frictionless Data's
// datapackage-js: the descriptor checked against its fiscal-data-package profile, then every row of the CSV read
// and cast through the descriptor's Table Schema. Prints the totals, to compare with the officers' realization.
//
// The profile bundled with datapackage-js 1.1.10 embeds the Tabular Data Package schema, whose `profile` must be
// "tabular-data-package"; a descriptor saying "fiscal-data-package" (as the specification and OpenSpending's
// packager write it) therefore always fails that one check. It is reported, and the rest checked with it aside.
const {Package} = require('datapackage')
const {Profile} = require('datapackage/lib/profile')

const [descriptorUrl] = process.argv.slice(2)

;(async () => {
  const descriptor = await (await fetch(descriptorUrl)).json()
  const profile = await Profile.load('fiscal-data-package')
  const asPublished = profile.validate(descriptor).errors.map(e => e.message.replace(/\s+/g, ' '))
  console.log('descriptor, as published:', asPublished.length ? asPublished : 'valid')
  const tabular = {...descriptor, profile: 'tabular-data-package'}
  const aside = profile.validate(tabular)
  if (!aside.valid) {
    console.log('INVALID against fiscal-data-package:', aside.errors.map(e => e.message.replace(/\s+/g, ' ')))
    process.exit(1)
  }
  console.log('descriptor, profile field aside: valid against fiscal-data-package')
  const basePath = descriptorUrl.substring(0, descriptorUrl.lastIndexOf('/'))
  const dataPackage = await Package.load(tabular, {basePath, strict: true})
  for (const resource of dataPackage.resources) {
    let rows = 0, allocated = 0n, spent = 0n
    const stream = await resource.iter({keyed: true, cast: true, stream: true})
    await new Promise((resolve, reject) => {
      stream.on('data', row => { rows++; allocated += BigInt(row.allocated); spent += BigInt(row.spent) })
      stream.on('end', resolve)
      stream.on('error', reject)
    })
    console.log(`${resource.name}: ${rows} rows cast through the schema; allocated ${allocated}, spent ${spent}`)
  }
})().catch(e => {
  console.log('ERROR', e.message, e.errors ? e.errors.map(x => x.message) : '')
  process.exit(1)
})
