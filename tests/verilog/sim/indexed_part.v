module top;
  reg [31:0] w;
  reg [0:15] asc;
  integer i;
  initial begin
    w = 32'hdeadbeef;
    for (i = 0; i < 32; i = i + 8) $display("%h %h", w[i +: 8], w[i+7 -: 8]);
    asc = 16'h1234;
    $display("%h %h %b", asc[0:3], asc[4 +: 4], asc[15]);
    w[15:8] = 8'h00;
    w[i-1 -: 4] = 4'h7;
    $display("%h", w);
    i = 'bx;
    $display("%b", w[i]);
  end
endmodule
