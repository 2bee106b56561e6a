# Import-OAICertificate -Path/-LiteralPath with path shapes Windows users type (docs/ARCHITECTURE.md "Windows
# PowerShell 5.1"). The cmdlet resolves every path through PowerShell's provider (GetResolvedProviderPathFromPSPath,
# GetUnresolvedProviderPathFromPSPath) and reads the provider path with FileInfo/File.ReadAllText, so what can be
# checked here is that the provider's forms work: '\' separators, a drive-qualified path (a PSDrive standing in for
# C:), brackets taken literally, and a path longer than Windows' old 260-character limit. Real drive letters, UNC
# paths and the long-path behaviour of .NET Framework itself cannot run here.

BeforeAll {
    . $PSScriptRoot/TestSetup.ps1

    $key = [System.Security.Cryptography.ECDsa]::Create([System.Security.Cryptography.ECCurve+NamedCurves]::nistP256)
    $request = [System.Security.Cryptography.X509Certificates.CertificateRequest]::new('CN=paths.pester.example.com', $key, [System.Security.Cryptography.HashAlgorithmName]::SHA256)
    $script:Pem = $request.CreateSelfSigned([DateTimeOffset]::UtcNow.AddDays(-1), [DateTimeOffset]::UtcNow.AddDays(90)).ExportCertificatePem()
    $script:Root = Join-Path $TestDrive 'certs'
    New-Item -ItemType Directory -Path $Root | Out-Null

    function Get-UploadCount { @(Get-SimulatorRequest POST '*/organization/certificates').Count }
}

Describe 'Import-OAICertificate with Windows-shaped paths' {
    BeforeEach { Reset-Simulator; Connect-Simulator }

    It 'accepts backslash separators' {
        $dir = New-Item -ItemType Directory -Path (Join-Path $Root 'back\slash'.Replace('\', [IO.Path]::DirectorySeparatorChar)) -Force
        Set-Content -Path (Join-Path $dir 'corp.pem') -Value $Pem
        $windowsShaped = ($dir.FullName + '\corp.pem').Replace('/', '\')
        (Import-OAICertificate -Path $windowsShaped -Name 'backslash').Name | Should -Be 'backslash'
        Get-UploadCount | Should -Be 1
    }

    It 'accepts a drive-qualified path (Certs:\corp.pem), as C:\... is on Windows' {
        Set-Content -Path (Join-Path $Root 'drive.pem') -Value $Pem
        New-PSDrive -Name OAICerts -PSProvider FileSystem -Root $Root | Out-Null
        try {
            (Import-OAICertificate -Path 'OAICerts:\drive.pem' -Name 'drive').Name | Should -Be 'drive'
            (Import-OAICertificate -LiteralPath 'OAICerts:\drive.pem' -Name 'drive-literal').Name | Should -Be 'drive-literal'
        }
        finally { Remove-PSDrive OAICerts }
        Get-UploadCount | Should -Be 2
    }

    It 'takes brackets literally with -LiteralPath and as wildcards with -Path' {
        Set-Content -LiteralPath (Join-Path $Root 'corp[1].pem') -Value $Pem
        (Import-OAICertificate -LiteralPath (Join-Path $Root 'corp[1].pem') -Name 'literal').Name | Should -Be 'literal'
        Get-ErrorId { Import-OAICertificate -Path (Join-Path $Root 'corp[1].pem') -ErrorAction Stop } |
            Should -Be 'PathNotFound,OpenAIAdmin.Commands.ImportOAICertificateCommand'
        Get-UploadCount | Should -Be 1
    }

    It 'reads a file whose full path is longer than 260 characters' {
        $deep = $Root
        foreach ($i in 1..6) { $deep = Join-Path $deep ("level-$i-" + ('x' * 40)) }
        New-Item -ItemType Directory -Path $deep -Force | Out-Null
        $file = Join-Path $deep 'long-path-certificate.pem'
        Set-Content -LiteralPath $file -Value $Pem
        $file.Length | Should -BeGreaterThan 260
        (Import-OAICertificate -LiteralPath $file -Name 'long').Name | Should -Be 'long'
        (Import-OAICertificate -Path $file -Name 'long-wild').Name | Should -Be 'long-wild'
        Get-UploadCount | Should -Be 2
    }

    It 'names a missing file with PathNotFound, before any request' {
        Get-ErrorId { Import-OAICertificate -Path (Join-Path $Root 'missing\none.pem') -ErrorAction Stop } |
            Should -Be 'PathNotFound,OpenAIAdmin.Commands.ImportOAICertificateCommand'
        Get-UploadCount | Should -Be 0
    }
}
