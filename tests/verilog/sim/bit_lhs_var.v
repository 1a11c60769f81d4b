// Variable bit selects and indexed part selects as assignment targets change only the selected bits.
module top;
  reg [15:0] v;
  integer i;
  initial begin
    v = 0;
    for (i = 0; i < 16; i = i + 3) v[i] = 1'b1;
    $display("%b", v);
    for (i = 0; i < 4; i = i + 1) v[i*4 +: 2] = 2'b10;
    $display("%b", v);
    v[15 -: 4] = 4'h0;
    $display("%b", v);
    i = 3;
    v[i] <= 1'b0;
    v[i+1] = ~v[i+1];
    #1 $display("%b", v);
  end
endmodule
