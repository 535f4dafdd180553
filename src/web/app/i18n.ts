import {
  createContext,
  createElement,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useState,
  type ReactNode,
} from 'react';
import dayjs from 'dayjs';
import 'dayjs/locale/id';
import 'dayjs/locale/en';
import utc from 'dayjs/plugin/utc';
import timezone from 'dayjs/plugin/timezone';
import type { Role } from '../../contract/common';

dayjs.extend(utc);
dayjs.extend(timezone);

/**
 * Bahasa Indonesia is the default; English is the second language. Messages written by the server
 * (validation, errors) are in Indonesian and are shown as they come.
 */
export type Locale = 'id' | 'en';
export const locales: readonly Locale[] = ['id', 'en'];

const id = {
  'app.name': 'Lelang Kinerja',
  'app.loading': 'Memuat…',
  'app.skipToContent': 'Lewati ke konten utama',

  'lang.switch': 'Bahasa',
  'lang.switchTo': 'English',
  'lang.switchToLabel': 'Ganti bahasa ke English',

  'common.save': 'Simpan',
  'common.cancel': 'Batal',
  'common.close': 'Tutup',
  'common.clear': 'Hapus pilihan',
  'common.edit': 'Ubah',
  'common.delete': 'Hapus',
  'common.add': 'Tambah',
  'common.create': 'Tambah',
  'common.confirm': 'Konfirmasi',
  'common.yes': 'Ya',
  'common.no': 'Tidak',
  'common.search': 'Cari',
  'common.actions': 'Aksi',
  'common.active': 'Aktif',
  'common.inactive': 'Nonaktif',
  'common.all': 'Semua',
  'common.status': 'Status',
  'common.activate': 'Aktifkan',
  'common.deactivate': 'Nonaktifkan',
  'common.none': '—',
  'common.noData': 'Tidak ada data.',
  'common.total': 'Jumlah: {n}',
  'common.back': 'Kembali',
  'common.reload': 'Muat ulang',
  'common.retry': 'Coba lagi',
  'common.loadFailed': 'Data gagal dimuat.',
  'common.saved': 'Perubahan disimpan.',
  'common.deleted': 'Data dihapus.',
  'common.kind': 'Jenis',
  'common.sort': 'Urutkan',
  'common.page': 'Halaman',
  'common.pageN': 'Halaman {n}',
  'common.firstPage': 'Halaman pertama',
  'common.prevPage': 'Halaman sebelumnya',
  'common.nextPage': 'Halaman berikutnya',
  'common.lastPage': 'Halaman terakhir',
  'common.pagination': 'Navigasi halaman',
  'common.details': 'Rincian',
  'common.hideDetails': 'Sembunyikan rincian',
  'common.optional': 'opsional',
  'common.fieldErrors': 'Periksa kembali isian yang ditandai.',

  'error.versionConflict': 'Data telah diubah oleh pengguna lain, muat ulang.',
  'error.network': 'Tidak dapat terhubung ke server. Periksa koneksi Anda.',
  'error.forbidden': 'Anda tidak memiliki akses ke halaman ini.',
  'error.forbiddenTitle': 'Akses ditolak',
  'error.title': 'Terjadi kesalahan',
  'error.pageCrashed':
    'Halaman ini mengalami kesalahan yang tidak terduga. Muat ulang halaman atau kembali ke Beranda.',
  'error.notFoundTitle': 'Halaman tidak ditemukan',
  'error.notFoundText': 'Alamat yang Anda buka tidak ada atau telah dipindahkan.',
  'error.toHome': 'Ke Beranda',

  'role.region_admin': 'Admin Daerah',
  'role.head_of_region': 'Kepala Daerah',
  'role.panelist': 'Panelis',
  'role.opd_head': 'Kepala OPD',
  'role.opd_operator': 'Operator OPD',
  'role.verifier': 'Verifikator',
  'role.hr_officer': 'Petugas Kepegawaian (BKPSDM)',
  'role.asn': 'ASN',
  'role.national_viewer': 'Pemantau Nasional',

  'unitKind.dinas': 'Dinas',
  'unitKind.badan': 'Badan',
  'unitKind.kecamatan': 'Kecamatan',
  'unitKind.bagian': 'Bagian',
  'unitKind.inspektorat': 'Inspektorat',
  'unitKind.sekretariat': 'Sekretariat',
  'unitKind.kantor': 'Kantor',
  'unitKind.lainnya': 'Lainnya',

  'regionKind.provinsi': 'Provinsi',
  'regionKind.kabupaten': 'Kabupaten',
  'regionKind.kota': 'Kota',

  'tz.Asia/Jakarta': 'WIB (Asia/Jakarta)',
  'tz.Asia/Makassar': 'WITA (Asia/Makassar)',
  'tz.Asia/Jayapura': 'WIT (Asia/Jayapura)',

  'sex.male': 'Laki-laki',
  'sex.female': 'Perempuan',

  'nav.home': 'Beranda',
  'nav.region': 'Profil Daerah',
  'nav.workUnits': 'Perangkat Daerah',
  'nav.civilServants': 'ASN',
  'nav.imports': 'Impor Data',
  'nav.users': 'Pengguna',
  'nav.audit': 'Jejak Audit',
  'nav.main': 'Navigasi utama',
  'nav.toggle': 'Buka atau tutup menu navigasi',
  'shell.logout': 'Keluar',

  'login.title': 'Masuk',
  'login.subtitle': 'Platform lelang kinerja pemerintah daerah',
  'login.region': 'Pemerintah daerah',
  'login.regionPlaceholder': 'Pilih pemerintah daerah',
  'login.username': 'Nama pengguna',
  'login.password': 'Kata sandi',
  'login.submit': 'Masuk',
  'login.failed': 'Gagal masuk',
  'login.sessionExpired': 'Sesi Anda telah berakhir. Silakan masuk kembali.',
  'login.noRegions': 'Belum ada pemerintah daerah yang terdaftar.',

  'home.title': 'Beranda',
  'home.greeting': 'Selamat datang, {name}',
  'home.region': 'Anda bekerja di {region}.',
  'home.yourRoles': 'Peran Anda',
  'home.scope': 'Unit: {unit}',
  'home.scopeAll': 'Seluruh daerah',
  'home.workUnitsTotal': 'Perangkat daerah',
  'home.workUnitsActive': 'Perangkat daerah aktif',
  'home.asnTotal': 'ASN aktif',
  'home.chartTitle': 'Sebaran ASN',
  'home.chartByKind': 'Per jenis unit',
  'home.chartTopUnits': '10 unit terbesar',
  'home.chartMode': 'Tampilan grafik',
  'home.chartSeries': 'Jumlah ASN',
  'home.chartEmpty': 'Belum ada data ASN.',

  'region.title': 'Profil Daerah',
  'region.profile': 'Profil',
  'region.name': 'Nama daerah',
  'region.kind': 'Jenis daerah',
  'region.timezone': 'Zona waktu',
  'region.headTitle': 'Sebutan kepala daerah',
  'region.headTitleHint': 'Misalnya Wali Kota, Bupati atau Gubernur',
  'region.slug': 'Kode daerah (slug): {slug}',
  'region.version': 'Versi {v}',
  'region.missions': 'Misi, Tujuan dan Sasaran',
  'region.noMissions': 'Belum ada misi. Tambahkan misi kepala daerah untuk periode RPJMD.',
  'region.addMission': 'Tambah misi',
  'region.editMission': 'Ubah misi',
  'region.deleteMission': 'Hapus misi',
  'region.mission': 'Misi {n}',
  'region.term': 'Periode {start}–{end}',
  'region.termStart': 'Tahun awal periode',
  'region.termEnd': 'Tahun akhir periode',
  'region.number': 'Nomor',
  'region.missionTitle': 'Rumusan misi',
  'region.description': 'Uraian',
  'region.goals': 'Tujuan',
  'region.goal': 'Tujuan {n}',
  'region.addGoal': 'Tambah tujuan',
  'region.editGoal': 'Ubah tujuan',
  'region.deleteGoal': 'Hapus tujuan',
  'region.goalTitle': 'Rumusan tujuan',
  'region.noGoals': 'Belum ada tujuan.',
  'region.target': 'Sasaran {n}',
  'region.addTarget': 'Tambah sasaran',
  'region.editTarget': 'Ubah sasaran',
  'region.deleteTarget': 'Hapus sasaran',
  'region.targetTitle': 'Rumusan sasaran',
  'region.noTargets': 'Belum ada sasaran.',
  'region.confirmDeleteMission': 'Hapus misi "{title}" beserta tujuan dan sasarannya?',
  'region.confirmDeleteGoal': 'Hapus tujuan "{title}" beserta sasarannya?',
  'region.confirmDeleteTarget': 'Hapus sasaran "{title}"?',

  'wu.title': 'Perangkat Daerah',
  'wu.search': 'Cari kode atau nama unit',
  'wu.kindFilter': 'Jenis unit',
  'wu.activeFilter': 'Status',
  'wu.sortCode': 'Kode',
  'wu.sortName': 'Nama',
  'wu.sortKind': 'Jenis',
  'wu.code': 'Kode',
  'wu.name': 'Nama unit',
  'wu.kind': 'Jenis unit',
  'wu.head': 'Kepala unit',
  'wu.headHint': 'Dipilih dari ASN yang terdaftar di unit ini',
  'wu.headAfterCreate': 'Kepala unit dapat dipilih setelah unit disimpan dan ASN-nya terdaftar.',
  'wu.asnCount': 'Jumlah ASN',
  'wu.create': 'Tambah perangkat daerah',
  'wu.edit': 'Ubah perangkat daerah',
  'wu.created': 'Perangkat daerah ditambahkan.',
  'wu.confirmDeactivate': 'Nonaktifkan {name}? Unit nonaktif tidak dapat dipilih pada data baru.',
  'wu.confirmActivate': 'Aktifkan kembali {name}?',
  'wu.deactivated': 'Perangkat daerah dinonaktifkan.',
  'wu.activated': 'Perangkat daerah diaktifkan kembali.',

  'asn.title': 'ASN',
  'asn.search': 'Cari nama atau NIP',
  'asn.unitFilter': 'Unit kerja',
  'asn.typeFilter': 'Jenis kepegawaian',
  'asn.activeFilter': 'Status',
  'asn.create': 'Tambah ASN',
  'asn.createTitle': 'Tambah ASN',
  'asn.editTitle': 'Ubah data ASN',
  'asn.detailTitle': 'Detail ASN',
  'asn.nip': 'NIP',
  'asn.nipHint': '18 digit: tanggal lahir, TMT CPNS, jenis kelamin, nomor urut',
  'asn.name': 'Nama',
  'asn.rankGrade': 'Pangkat/golongan',
  'asn.position': 'Jabatan',
  'asn.workUnit': 'Unit kerja',
  'asn.employmentType': 'Jenis kepegawaian',
  'asn.email': 'Email',
  'asn.phone': 'Telepon',
  'asn.birthDate': 'Tanggal lahir',
  'asn.sex': 'Jenis kelamin',
  'asn.active': 'Status',
  'asn.activeSwitch': 'ASN aktif',
  'asn.updatedAt': 'Terakhir diubah',
  'asn.nipParts': 'Susunan NIP',
  'asn.nipBirth': 'Tanggal lahir',
  'asn.nipAppointment': 'TMT CPNS',
  'asn.nipSex': 'Jenis kelamin',
  'asn.nipSerial': 'Nomor urut',
  'asn.created': 'Data ASN ditambahkan.',
  'asn.sortName': 'Nama',
  'asn.sortNip': 'NIP',
  'asn.sortUnit': 'Unit kerja',
  'asn.open': 'Buka detail {name}',
  'asn.notFound': 'Data ASN tidak ditemukan.',

  'imp.title': 'Impor Data',
  'imp.kind': 'Jenis data',
  'imp.kind.work_units': 'Perangkat Daerah',
  'imp.kind.civil_servants': 'ASN',
  'imp.template': 'Unduh templat CSV',
  'imp.file': 'Berkas',
  'imp.fileHint': 'CSV atau XLSX. Baris pertama berisi judul kolom sesuai templat.',
  'imp.filePlaceholder': 'Pilih berkas .csv atau .xlsx',
  'imp.upload': 'Unggah',
  'imp.uploading': 'Mengunggah berkas…',
  'imp.uploadProgress': 'Kemajuan unggahan',
  'imp.preview': 'Pratinjau',
  'imp.totalRows': 'Jumlah baris',
  'imp.validRows': 'Baris valid',
  'imp.errorCount': 'Kesalahan',
  'imp.toCreate': 'Akan ditambah',
  'imp.toUpdate': 'Akan diubah',
  'imp.unchanged': 'Tidak berubah',
  'imp.errors': 'Daftar kesalahan',
  'imp.errorsShown': 'Menampilkan {shown} dari {total} kesalahan.',
  'imp.line': 'Baris',
  'imp.column': 'Kolom',
  'imp.message': 'Keterangan',
  'imp.sample': 'Contoh baris',
  'imp.fixFirst': 'Berkas masih mengandung kesalahan. Perbaiki berkas lalu unggah kembali.',
  'imp.nothingToSave': 'Tidak ada baris yang perlu disimpan.',
  'imp.commit': 'Simpan',
  'imp.committing': 'Menyimpan {done} dari {total} baris…',
  'imp.commitProgress': 'Kemajuan penyimpanan',
  'imp.committed': 'Impor selesai: {created} ditambah, {updated} diubah, {unchanged} tidak berubah.',
  'imp.failed': 'Impor gagal. Tidak ada data yang disimpan.',
  'imp.rejected': 'Berkas ditolak.',
  'imp.history': 'Riwayat impor',
  'imp.noHistory': 'Belum ada impor.',
  'imp.when': 'Waktu',
  'imp.fileName': 'Nama berkas',
  'imp.by': 'Oleh',
  'imp.status.previewed': 'Pratinjau',
  'imp.status.committing': 'Menyimpan',
  'imp.status.committed': 'Tersimpan',
  'imp.status.failed': 'Gagal',
  'imp.status.rejected': 'Ditolak',
  'imp.again': 'Impor berkas lain',

  'users.title': 'Pengguna',
  'users.search': 'Cari nama pengguna atau nama lengkap',
  'users.roleFilter': 'Peran',
  'users.activeFilter': 'Status',
  'users.create': 'Tambah pengguna',
  'users.edit': 'Ubah pengguna',
  'users.username': 'Nama pengguna',
  'users.fullName': 'Nama lengkap',
  'users.email': 'Email',
  'users.password': 'Kata sandi',
  'users.passwordHint': 'Minimal 12 karakter. Gunakan frasa yang panjang dan mudah diingat.',
  'users.civilServant': 'ASN terkait',
  'users.civilServantHint': 'Hubungkan akun dengan data ASN (opsional)',
  'users.roles': 'Peran',
  'users.role': 'Peran',
  'users.roleN': 'Peran {n}',
  'users.unit': 'Unit kerja',
  'users.unitRequired': 'Wajib untuk Kepala OPD dan Operator OPD',
  'users.unitOptional': 'Opsional',
  'users.addRole': 'Tambah peran',
  'users.removeRole': 'Hapus peran {n}',
  'users.lastLogin': 'Terakhir masuk',
  'users.never': 'Belum pernah',
  'users.created': 'Pengguna ditambahkan.',
  'users.confirmDeactivate':
    'Nonaktifkan {name}? Semua sesi pengguna ini akan diakhiri dan ia tidak dapat masuk sampai diaktifkan kembali.',
  'users.confirmActivate': 'Aktifkan kembali {name}? Pengguna dapat masuk lagi dengan kata sandinya.',
  'users.deactivated': 'Pengguna dinonaktifkan dan sesinya diakhiri.',
  'users.activated': 'Pengguna diaktifkan kembali.',
  'users.resetPassword': 'Atur ulang kata sandi',
  'users.resetPasswordFor': 'Atur ulang kata sandi {name}',
  'users.newPassword': 'Kata sandi baru',
  'users.resetDone': 'Kata sandi diatur ulang. Sampaikan kepada pengguna melalui saluran yang aman.',
  'users.resetHint': 'Sesi pengguna yang sedang berjalan akan diakhiri.',

  'audit.title': 'Jejak Audit',
  'audit.at': 'Waktu',
  'audit.actor': 'Pengguna',
  'audit.action': 'Aksi',
  'audit.entity': 'Objek',
  'audit.summary': 'Ringkasan',
  'audit.entityType': 'Jenis objek',
  'audit.entityId': 'ID objek',
  'audit.from': 'Dari tanggal',
  'audit.to': 'Sampai tanggal',
  'audit.export': 'Ekspor CSV',
  'audit.before': 'Sebelum',
  'audit.after': 'Sesudah',
  'audit.hash': 'Hash',
  'audit.system': 'Sistem',
  'audit.reset': 'Hapus filter',
} as const;

export type MessageKey = keyof typeof id;
type Dict = Record<MessageKey, string>;

const en: Dict = {
  'app.name': 'Lelang Kinerja',
  'app.loading': 'Loading…',
  'app.skipToContent': 'Skip to main content',

  'lang.switch': 'Language',
  'lang.switchTo': 'Bahasa Indonesia',
  'lang.switchToLabel': 'Switch language to Bahasa Indonesia',

  'common.save': 'Save',
  'common.cancel': 'Cancel',
  'common.close': 'Close',
  'common.clear': 'Clear',
  'common.edit': 'Edit',
  'common.delete': 'Delete',
  'common.add': 'Add',
  'common.create': 'Add',
  'common.confirm': 'Confirm',
  'common.yes': 'Yes',
  'common.no': 'No',
  'common.search': 'Search',
  'common.actions': 'Actions',
  'common.active': 'Active',
  'common.inactive': 'Inactive',
  'common.all': 'All',
  'common.status': 'Status',
  'common.activate': 'Activate',
  'common.deactivate': 'Deactivate',
  'common.none': '—',
  'common.noData': 'No data.',
  'common.total': 'Total: {n}',
  'common.back': 'Back',
  'common.reload': 'Reload',
  'common.retry': 'Try again',
  'common.loadFailed': 'Could not load the data.',
  'common.saved': 'Changes saved.',
  'common.deleted': 'Deleted.',
  'common.kind': 'Kind',
  'common.sort': 'Sort by',
  'common.page': 'Page',
  'common.pageN': 'Page {n}',
  'common.firstPage': 'First page',
  'common.prevPage': 'Previous page',
  'common.nextPage': 'Next page',
  'common.lastPage': 'Last page',
  'common.pagination': 'Pagination',
  'common.details': 'Details',
  'common.hideDetails': 'Hide details',
  'common.optional': 'optional',
  'common.fieldErrors': 'Please check the highlighted fields.',

  'error.versionConflict': 'The data was changed by another user; reload it.',
  'error.network': 'Cannot reach the server. Check your connection.',
  'error.forbidden': 'You do not have access to this page.',
  'error.forbiddenTitle': 'Access denied',
  'error.title': 'Something went wrong',
  'error.pageCrashed': 'This page hit an unexpected error. Reload the page or go back to Home.',
  'error.notFoundTitle': 'Page not found',
  'error.notFoundText': 'The address you opened does not exist or has moved.',
  'error.toHome': 'Go to Home',

  'role.region_admin': 'Region administrator',
  'role.head_of_region': 'Head of region',
  'role.panelist': 'Panelist',
  'role.opd_head': 'Head of work unit (OPD)',
  'role.opd_operator': 'Work unit operator (OPD)',
  'role.verifier': 'Verifier',
  'role.hr_officer': 'HR officer (BKPSDM)',
  'role.asn': 'Civil servant (ASN)',
  'role.national_viewer': 'National viewer',

  'unitKind.dinas': 'Agency (dinas)',
  'unitKind.badan': 'Board (badan)',
  'unitKind.kecamatan': 'District (kecamatan)',
  'unitKind.bagian': 'Division (bagian)',
  'unitKind.inspektorat': 'Inspectorate',
  'unitKind.sekretariat': 'Secretariat',
  'unitKind.kantor': 'Office (kantor)',
  'unitKind.lainnya': 'Other',

  'regionKind.provinsi': 'Province',
  'regionKind.kabupaten': 'Regency',
  'regionKind.kota': 'City',

  'tz.Asia/Jakarta': 'WIB (Asia/Jakarta)',
  'tz.Asia/Makassar': 'WITA (Asia/Makassar)',
  'tz.Asia/Jayapura': 'WIT (Asia/Jayapura)',

  'sex.male': 'Male',
  'sex.female': 'Female',

  'nav.home': 'Home',
  'nav.region': 'Region profile',
  'nav.workUnits': 'Work units',
  'nav.civilServants': 'Civil servants',
  'nav.imports': 'Data import',
  'nav.users': 'Users',
  'nav.audit': 'Audit trail',
  'nav.main': 'Main navigation',
  'nav.toggle': 'Open or close the navigation menu',
  'shell.logout': 'Log out',

  'login.title': 'Log in',
  'login.subtitle': 'Performance auction platform for regional governments',
  'login.region': 'Regional government',
  'login.regionPlaceholder': 'Choose a regional government',
  'login.username': 'Username',
  'login.password': 'Password',
  'login.submit': 'Log in',
  'login.failed': 'Login failed',
  'login.sessionExpired': 'Your session has ended. Please log in again.',
  'login.noRegions': 'No regional government is registered yet.',

  'home.title': 'Home',
  'home.greeting': 'Welcome, {name}',
  'home.region': 'You work in {region}.',
  'home.yourRoles': 'Your roles',
  'home.scope': 'Unit: {unit}',
  'home.scopeAll': 'Whole region',
  'home.workUnitsTotal': 'Work units',
  'home.workUnitsActive': 'Active work units',
  'home.asnTotal': 'Active civil servants',
  'home.chartTitle': 'Civil servants by unit',
  'home.chartByKind': 'By unit kind',
  'home.chartTopUnits': 'Top 10 units',
  'home.chartMode': 'Chart view',
  'home.chartSeries': 'Civil servants',
  'home.chartEmpty': 'No civil servant data yet.',

  'region.title': 'Region profile',
  'region.profile': 'Profile',
  'region.name': 'Region name',
  'region.kind': 'Region kind',
  'region.timezone': 'Time zone',
  'region.headTitle': 'Title of the head of region',
  'region.headTitleHint': 'For example Wali Kota, Bupati or Gubernur',
  'region.slug': 'Region code (slug): {slug}',
  'region.version': 'Version {v}',
  'region.missions': 'Missions, goals and targets',
  'region.noMissions': 'No missions yet. Add the missions of the head of region for the RPJMD term.',
  'region.addMission': 'Add mission',
  'region.editMission': 'Edit mission',
  'region.deleteMission': 'Delete mission',
  'region.mission': 'Mission {n}',
  'region.term': 'Term {start}–{end}',
  'region.termStart': 'First year of term',
  'region.termEnd': 'Last year of term',
  'region.number': 'Number',
  'region.missionTitle': 'Mission statement',
  'region.description': 'Description',
  'region.goals': 'Goals',
  'region.goal': 'Goal {n}',
  'region.addGoal': 'Add goal',
  'region.editGoal': 'Edit goal',
  'region.deleteGoal': 'Delete goal',
  'region.goalTitle': 'Goal statement',
  'region.noGoals': 'No goals yet.',
  'region.target': 'Target {n}',
  'region.addTarget': 'Add target',
  'region.editTarget': 'Edit target',
  'region.deleteTarget': 'Delete target',
  'region.targetTitle': 'Target statement',
  'region.noTargets': 'No targets yet.',
  'region.confirmDeleteMission': 'Delete mission "{title}" with its goals and targets?',
  'region.confirmDeleteGoal': 'Delete goal "{title}" with its targets?',
  'region.confirmDeleteTarget': 'Delete target "{title}"?',

  'wu.title': 'Work units',
  'wu.search': 'Search unit code or name',
  'wu.kindFilter': 'Unit kind',
  'wu.activeFilter': 'Status',
  'wu.sortCode': 'Code',
  'wu.sortName': 'Name',
  'wu.sortKind': 'Kind',
  'wu.code': 'Code',
  'wu.name': 'Unit name',
  'wu.kind': 'Unit kind',
  'wu.head': 'Head of unit',
  'wu.headHint': 'Chosen from the civil servants of this unit',
  'wu.headAfterCreate':
    'The head can be chosen once the unit is saved and its civil servants are registered.',
  'wu.asnCount': 'Civil servants',
  'wu.create': 'Add work unit',
  'wu.edit': 'Edit work unit',
  'wu.created': 'Work unit added.',
  'wu.confirmDeactivate': 'Deactivate {name}? Inactive units cannot be chosen for new data.',
  'wu.confirmActivate': 'Activate {name} again?',
  'wu.deactivated': 'Work unit deactivated.',
  'wu.activated': 'Work unit activated again.',

  'asn.title': 'Civil servants',
  'asn.search': 'Search name or NIP',
  'asn.unitFilter': 'Work unit',
  'asn.typeFilter': 'Employment type',
  'asn.activeFilter': 'Status',
  'asn.create': 'Add civil servant',
  'asn.createTitle': 'Add civil servant',
  'asn.editTitle': 'Edit civil servant',
  'asn.detailTitle': 'Civil servant details',
  'asn.nip': 'NIP',
  'asn.nipHint': '18 digits: birth date, appointment date, sex, serial number',
  'asn.name': 'Name',
  'asn.rankGrade': 'Rank/grade',
  'asn.position': 'Position',
  'asn.workUnit': 'Work unit',
  'asn.employmentType': 'Employment type',
  'asn.email': 'Email',
  'asn.phone': 'Phone',
  'asn.birthDate': 'Birth date',
  'asn.sex': 'Sex',
  'asn.active': 'Status',
  'asn.activeSwitch': 'Active civil servant',
  'asn.updatedAt': 'Last changed',
  'asn.nipParts': 'NIP structure',
  'asn.nipBirth': 'Birth date',
  'asn.nipAppointment': 'Appointment (TMT CPNS)',
  'asn.nipSex': 'Sex',
  'asn.nipSerial': 'Serial number',
  'asn.created': 'Civil servant added.',
  'asn.sortName': 'Name',
  'asn.sortNip': 'NIP',
  'asn.sortUnit': 'Work unit',
  'asn.open': 'Open details of {name}',
  'asn.notFound': 'Civil servant not found.',

  'imp.title': 'Data import',
  'imp.kind': 'Data kind',
  'imp.kind.work_units': 'Work units',
  'imp.kind.civil_servants': 'Civil servants',
  'imp.template': 'Download CSV template',
  'imp.file': 'File',
  'imp.fileHint': 'CSV or XLSX. The first row holds the column headers of the template.',
  'imp.filePlaceholder': 'Choose a .csv or .xlsx file',
  'imp.upload': 'Upload',
  'imp.uploading': 'Uploading file…',
  'imp.uploadProgress': 'Upload progress',
  'imp.preview': 'Preview',
  'imp.totalRows': 'Rows',
  'imp.validRows': 'Valid rows',
  'imp.errorCount': 'Errors',
  'imp.toCreate': 'To add',
  'imp.toUpdate': 'To update',
  'imp.unchanged': 'Unchanged',
  'imp.errors': 'Errors',
  'imp.errorsShown': 'Showing {shown} of {total} errors.',
  'imp.line': 'Line',
  'imp.column': 'Column',
  'imp.message': 'Message',
  'imp.sample': 'Sample rows',
  'imp.fixFirst': 'The file still has errors. Fix the file and upload it again.',
  'imp.nothingToSave': 'There are no rows to save.',
  'imp.commit': 'Save',
  'imp.committing': 'Saving {done} of {total} rows…',
  'imp.commitProgress': 'Save progress',
  'imp.committed': 'Import finished: {created} added, {updated} updated, {unchanged} unchanged.',
  'imp.failed': 'Import failed. No data was saved.',
  'imp.rejected': 'The file was rejected.',
  'imp.history': 'Import history',
  'imp.noHistory': 'No imports yet.',
  'imp.when': 'Time',
  'imp.fileName': 'File name',
  'imp.by': 'By',
  'imp.status.previewed': 'Preview',
  'imp.status.committing': 'Saving',
  'imp.status.committed': 'Saved',
  'imp.status.failed': 'Failed',
  'imp.status.rejected': 'Rejected',
  'imp.again': 'Import another file',

  'users.title': 'Users',
  'users.search': 'Search username or full name',
  'users.roleFilter': 'Role',
  'users.activeFilter': 'Status',
  'users.create': 'Add user',
  'users.edit': 'Edit user',
  'users.username': 'Username',
  'users.fullName': 'Full name',
  'users.email': 'Email',
  'users.password': 'Password',
  'users.passwordHint': 'At least 12 characters. Use a long passphrase that is easy to remember.',
  'users.civilServant': 'Linked civil servant',
  'users.civilServantHint': 'Link the account to a civil servant record (optional)',
  'users.roles': 'Roles',
  'users.role': 'Role',
  'users.roleN': 'Role {n}',
  'users.unit': 'Work unit',
  'users.unitRequired': 'Required for OPD heads and OPD operators',
  'users.unitOptional': 'Optional',
  'users.addRole': 'Add role',
  'users.removeRole': 'Remove role {n}',
  'users.lastLogin': 'Last login',
  'users.never': 'Never',
  'users.created': 'User added.',
  'users.confirmDeactivate':
    'Deactivate {name}? All of this user\u2019s sessions end and they cannot log in until activated again.',
  'users.confirmActivate': 'Activate {name} again? The user can log in with their password.',
  'users.deactivated': 'User deactivated; their sessions have ended.',
  'users.activated': 'User activated again.',
  'users.resetPassword': 'Reset password',
  'users.resetPasswordFor': 'Reset password of {name}',
  'users.newPassword': 'New password',
  'users.resetDone': 'Password reset. Pass it to the user over a safe channel.',
  'users.resetHint': 'The user\u2019s current sessions will end.',

  'audit.title': 'Audit trail',
  'audit.at': 'Time',
  'audit.actor': 'User',
  'audit.action': 'Action',
  'audit.entity': 'Object',
  'audit.summary': 'Summary',
  'audit.entityType': 'Object type',
  'audit.entityId': 'Object ID',
  'audit.from': 'From date',
  'audit.to': 'To date',
  'audit.export': 'Export CSV',
  'audit.before': 'Before',
  'audit.after': 'After',
  'audit.hash': 'Hash',
  'audit.system': 'System',
  'audit.reset': 'Clear filters',
};

const dictionaries: Record<Locale, Dict> = { id, en };

export type Translate = (key: MessageKey, vars?: Record<string, string | number>) => string;

function translate(locale: Locale, key: MessageKey, vars?: Record<string, string | number>): string {
  const template = dictionaries[locale][key] ?? id[key] ?? key;
  if (!vars) return template;
  return template.replace(/\{(\w+)\}/g, (m, name: string) => (name in vars ? String(vars[name]) : m));
}

/** Display name of a role in the current locale. */
export function roleLabel(t: Translate, role: Role): string {
  return t(`role.${role}` as MessageKey);
}

const STORAGE_KEY = 'lelang-kinerja.locale';

function storedLocale(): Locale {
  try {
    const v = window.localStorage.getItem(STORAGE_KEY);
    if (v === 'id' || v === 'en') return v;
  } catch {
    // storage may be disabled; fall back to the default
  }
  return 'id';
}

interface LocaleState {
  locale: Locale;
  setLocale: (l: Locale) => void;
}
const LocaleContext = createContext<LocaleState | null>(null);

/**
 * Holds the current locale, mirrors it to `<html lang>`, dayjs and localStorage. Persisting it on
 * the server for a logged-in user is the session's job (see session.tsx).
 */
export function LocaleProvider({ children }: { children: ReactNode }) {
  const [locale, setLocaleState] = useState<Locale>(storedLocale);
  useEffect(() => {
    document.documentElement.lang = locale;
    dayjs.locale(locale);
    try {
      window.localStorage.setItem(STORAGE_KEY, locale);
    } catch {
      // ignore
    }
  }, [locale]);
  const setLocale = useCallback((l: Locale) => setLocaleState(l), []);
  const value = useMemo(() => ({ locale, setLocale }), [locale, setLocale]);
  return createElement(LocaleContext.Provider, { value }, children);
}

export function useLocale(): LocaleState {
  const ctx = useContext(LocaleContext);
  if (!ctx) throw new Error('useLocale outside LocaleProvider');
  return ctx;
}

/** Translation function for the current locale. */
export function useT(): Translate {
  const { locale } = useLocale();
  return useCallback<Translate>((key, vars) => translate(locale, key, vars), [locale]);
}

export interface Formatters {
  /** `dd MMM yyyy`, e.g. 05 Mar 2025. */
  date: (iso: string | null | undefined) => string;
  /** Date and time in the region's time zone, e.g. 05 Mar 2025 14.30 WIB. */
  dateTime: (iso: string | null | undefined) => string;
  /** Year and month, e.g. Mar 2010. */
  month: (yyyyMm: string) => string;
  number: (n: number | null | undefined) => string;
}

const tzAbbrev: Record<string, string> = {
  'Asia/Jakarta': 'WIB',
  'Asia/Makassar': 'WITA',
  'Asia/Jayapura': 'WIT',
};

/** Indonesian number format in both languages (officials read 1.234,5). */
const numberFormat = new Intl.NumberFormat('id-ID');

export function makeFormatters(locale: Locale, timeZone?: string): Formatters {
  return {
    date: (iso) => (iso ? dayjs(iso).locale(locale).format('DD MMM YYYY') : '—'),
    dateTime: (iso) => {
      if (!iso) return '—';
      const d = timeZone ? dayjs(iso).tz(timeZone) : dayjs(iso);
      const suffix = timeZone ? ` ${tzAbbrev[timeZone] ?? timeZone}` : '';
      return d.locale(locale).format('DD MMM YYYY HH.mm') + suffix;
    },
    month: (yyyyMm) => dayjs(`${yyyyMm}-01`).locale(locale).format('MMM YYYY'),
    number: (n) => (n === null || n === undefined ? '—' : numberFormat.format(n)),
  };
}
